// TEMPORARY placeholder written by the infra engineer so `cdk synth` can bundle something.
// The owner of functions/ replaces it with the campaign lifecycle job (close at closesAt, send reminders).
export const handler = async (): Promise<void> => {};
