namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>What a delivery carries: a movement prompt at a slot, an instant set asked for on demand, a weekly summary, or a challenge update for a channel.</summary>
public enum DeliveryKind
{
    Prompt,
    WeeklySummary,
    InstantSet,

    /// <summary>A challenge's daily leaderboard, posted in its channel.</summary>
    ChallengeUpdate,

    /// <summary>A challenge's final results, posted in its channel when it ends.</summary>
    ChallengeResults,
}
