namespace MicroMove.Bot.Features.Prompts;

/// <summary>What one dispatch run did: people handled, prompts queued, slots (and summaries) recorded as missed, weekly summaries queued.</summary>
internal sealed record DispatchResult(int People, int Queued, int Missed, int Summaries = 0)
{
    public static DispatchResult None { get; } = new(0, 0, 0);

    public static DispatchResult operator +(DispatchResult left, DispatchResult right) =>
        new(left.People + right.People, left.Queued + right.Queued, left.Missed + right.Missed, left.Summaries + right.Summaries);
}
