import type { AgentChatsTable } from './agent-chats-table.js';
import type { AgentMessagesTable } from './agent-messages-table.js';

/** The agent's own tables; no other service reads them. */
export interface AgentDB {
  agent_chats: AgentChatsTable;
  agent_messages: AgentMessagesTable;
}
