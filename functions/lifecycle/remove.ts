import { tokenIdOf } from '../api/token-hash';
import type { CampaignRecord, Store } from '../store/store';
import { inviteSurveyToken } from './invites';

/**
 * Deletes a campaign that holds no responses, with every link that could still bring one: the open survey link and
 * each invite's link (derived from the invite, never stored in the clear), then the rest (store.ts `deleteCampaign`).
 */
export async function removeCampaign(store: Store, campaign: CampaignRecord): Promise<void> {
  const invites = await store.listInvites(campaign.id);
  const linkIds = [
    ...(campaign.surveyLinkId ? [campaign.surveyLinkId] : []),
    ...invites.map((i) => tokenIdOf(inviteSurveyToken(campaign, i.id))),
  ];
  await store.deleteCampaign(campaign, linkIds);
}
