/**
 * botbuilder's TestAdapter, also recording updated activities (a card replaced in place), and a
 * helper to read the answer of an invoke. Activities in, sent/updated activities out.
 */
import { TestAdapter, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';

export class RecordingAdapter extends TestAdapter {
  readonly updated: Partial<Activity>[] = [];

  override async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse> {
    this.updated.push(activity);
    return { id: activity.id ?? '' };
  }
}

/** The body of the invoke response the bot gave, if any. */
export function invokeResponseOf(
  sent: Partial<Activity>[],
): { status: number; body: { statusCode: number; type: string; value: Record<string, unknown> } } | undefined {
  const response = sent.find((a) => a.type === 'invokeResponse');
  return response?.value as ReturnType<typeof invokeResponseOf>;
}
