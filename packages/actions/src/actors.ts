/**
 * Who made a change to an action, as its history (`schedule show`) names it. Every statement
 * that changes an action says who it is acting for, and the history trigger records it:
 * `scheduler:<instance>`, `dispatcher:<instance>`, `client` (a message of theirs), `operator` or
 * `operator:<name>`, `agent`, `cli:<user>`.
 */
export type Actor = string;

export const actors = {
  scheduler: (instance: string): Actor => `scheduler:${instance}`,
  dispatcher: (instance: string): Actor => `dispatcher:${instance}`,
  client: 'client' as Actor,
  agent: 'agent' as Actor,
  operator: (name?: string | null): Actor => (name ? `operator:${name}` : 'operator'),
  cli: (user: string): Actor => `cli:${user}`,
};
