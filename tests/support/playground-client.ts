/**
 * Drives the Microsoft 365 Agents Playground over its own HTTP and WebSocket API (the ones its
 * web UI uses): open the personal chat, write as the mock user, read what the bot answers.
 */
export interface PlaygroundReply {
  conversationId: string;
  messageId: string;
  text?: string;
  attachments: { contentType: string; content: unknown }[];
}

interface TestConfig {
  config: { currentUser: { id: string; name: string }; personalChat: { id: string }; bot: { id: string }; teams?: { id: string }[] };
}

export async function connectPlayground(baseUrl: string) {
  const { config } = (await (await fetch(`${baseUrl}/_internal/v1/testConfig`)).json()) as TestConfig;
  const replies: PlaygroundReply[] = [];
  const waiters: (() => void)[] = [];
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
  socket.addEventListener('message', (event) => {
    const frame = JSON.parse(String(event.data)) as {
      action: string;
      actionConversationId: string;
      message?: { messageId: string; text?: string; attachments?: PlaygroundReply['attachments'] };
    };
    if (frame.action !== 'createMessage' || !frame.message) return;
    replies.push({
      conversationId: frame.actionConversationId,
      messageId: frame.message.messageId,
      text: frame.message.text,
      attachments: frame.message.attachments ?? [],
    });
    waiters.splice(0).forEach((wake) => wake());
  });
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () => reject(new Error('cannot open the Playground WebSocket')));
  });

  const post = async (route: string, body: unknown) => {
    const res = await fetch(`${baseUrl}${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${route} answered ${res.status}: ${await res.text()}`);
  };

  return {
    user: config.currentUser,
    chatId: config.personalChat.id,
    replies,
    /** What the Playground's UI does when the personal chat is opened: install + members added. */
    openPersonalChat: () => post(`/_debug/conversation/${encodeURIComponent(config.personalChat.id)}/installation`, {}),
    /** Installs the bot in the mock team, as adding the app to a team in Teams does. */
    installInTeam: () => post(`/_debug/conversation/${encodeURIComponent(config.teams?.[0]?.id ?? '')}/installation`, {}),
    say: (text: string) =>
      post(`/_conversation/v1/conversations/${encodeURIComponent(config.personalChat.id)}/messages`, {
        from: { id: config.currentUser.id },
        text,
        textFormat: 'plain',
      }),
    /** Resolves when `count` replies have arrived, or rejects after `ms`. */
    async waitForReplies(count: number, ms = 15_000): Promise<PlaygroundReply[]> {
      const deadline = Date.now() + ms;
      while (replies.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} replies from the bot, got ${replies.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return replies.slice(0, count);
    },
    /**
     * Clicks an Action.Execute on the card in message `replyToId`: the Playground sends
     * `adaptiveCard/action`, puts the card the bot answers with in place of the old one, and
     * returns the bot's answer.
     */
    async execute(
      replyToId: string,
      verb: string,
      data: Record<string, unknown>,
    ): Promise<{ statusCode: number; type: string; value: Record<string, unknown> }> {
      const res = await fetch(`${baseUrl}/_conversation/v1/invoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data } },
          from: { id: config.currentUser.id },
          conversation: { id: config.personalChat.id },
          replyToId,
        }),
      });
      if (!res.ok) throw new Error(`invoke answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
    },
    close: () => socket.close(),
  };
}
