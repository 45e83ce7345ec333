using System.Threading.RateLimiting;

namespace MicroMove.Bot.Slack;

/// <summary>
/// Client-side pacing that stays under Slack's published limits (slack-protocol.md §6–7), so a
/// 429 is the exception rather than the rule. Token buckets allow short bursts and refill at
/// the tier's rate: Tier 2 = 20/min, Tier 3 = 50/min, Tier 4 = 100/min; chat.postMessage ≈ 1/s
/// per channel plus a workspace-wide cap of a few hundred per minute; auth.test and
/// oauth.v2.access ≈ 600/min.
/// </summary>
internal static class SlackRateLimits
{
    public const int QueueLimit = 10_000;

    public static TokenBucketRateLimiterOptions For(SlackRateKey key) => key switch
    {
        { Method: "chat.postMessage", Channel: not null } => Bucket(tokenLimit: 3, perPeriod: 1, TimeSpan.FromSeconds(1)),
        { Method: "chat.postMessage" } => Bucket(tokenLimit: 30, perPeriod: 5, TimeSpan.FromSeconds(1)),
        { Method: "auth.test" or "oauth.v2.access" } => Bucket(tokenLimit: 50, perPeriod: 10, TimeSpan.FromSeconds(1)),
        { Method: "chat.update" or "conversations.open" or "chat.scheduleMessage" } => Tier3,
        { Method: "users.list" } => Tier2,
        _ => Tier4,
    };

    private static TokenBucketRateLimiterOptions Tier2 => Bucket(tokenLimit: 5, perPeriod: 1, TimeSpan.FromSeconds(3));

    private static TokenBucketRateLimiterOptions Tier3 => Bucket(tokenLimit: 10, perPeriod: 1, TimeSpan.FromMilliseconds(1200));

    private static TokenBucketRateLimiterOptions Tier4 => Bucket(tokenLimit: 20, perPeriod: 1, TimeSpan.FromMilliseconds(600));

    private static TokenBucketRateLimiterOptions Bucket(int tokenLimit, int perPeriod, TimeSpan period) => new()
    {
        TokenLimit = tokenLimit,
        TokensPerPeriod = perPeriod,
        ReplenishmentPeriod = period,
        QueueLimit = QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };
}
