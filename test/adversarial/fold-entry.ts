// The scheduler's fold as a process the crash test can kill -9: opens the local engine on ORGOS_DATA_DIR and brings
// one campaign's snapshot up to date in stretches of FOLD_CHUNK arrivals, with two folders racing in this process,
// as two overlapping scheduler runs would. Prints a line per stored stretch, and `caught-up` at the end.
import { join } from 'node:path';
import { startDynalite } from '../../functions/local/dynalite';
import { foldStep } from '../../functions/reports/campaign-stats';
import { DynamoStore } from '../../functions/store/dynamo-store';

const env = process.env;
const dynamo = await startDynalite({ path: join(env.ORGOS_DATA_DIR!, 'dynamo') });
const store = new DynamoStore(dynamo.client, 'orgos');
const campaign = (await store.getCampaign(env.FOLD_CAMPAIGN!))!;
const now = new Date(env.FOLD_NOW!);
const options = { safetyMs: 60_000, refreshItems: 100, chunkItems: Number(env.FOLD_CHUNK) };
const folder = async (name: string) => {
  for (;;) {
    const step = await foldStep(store, campaign, now, options);
    if (step.stored) process.stdout.write(`stored ${name} ${step.items} ${step.cursor}\n`);
    if (step.caughtUp) return;
  }
};
await Promise.all([folder('a'), folder('b')]);
process.stdout.write('caught-up\n');
await dynamo.close();
