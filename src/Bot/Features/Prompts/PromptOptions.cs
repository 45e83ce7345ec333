namespace MicroMove.Bot.Features.Prompts;

/// <summary>Section "Prompts": how due slots become deliveries and deliveries become messages.</summary>
internal sealed class PromptOptions
{
    public const string SectionName = "Prompts";

    /// <summary>How often the cluster-wide dispatch runs.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A slot older than this when reached is recorded as missed instead of sent (no flood after downtime).</summary>
    public TimeSpan Usefulness { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>People handled per dispatch transaction.</summary>
    public int DispatchBatchSize { get; set; } = 500;

    /// <summary>Deliveries a worker claims at once.</summary>
    public int ClaimBatchSize { get; set; } = 100;

    /// <summary>Sends in flight per node. Sends waiting on a platform's rate limit hold a slot, so this covers every workspace's share below.</summary>
    public int SendConcurrency { get; set; } = 256;

    /// <summary>
    /// Sends in flight per workspace (Slack team, Teams tenant) per node: enough to keep its platform
    /// limit busy (Slack ~5 posts/s per workspace, Teams 50/s per tenant) without its backlog taking
    /// the slots other workspaces need.
    /// </summary>
    public int SendConcurrencyPerWorkspace { get; set; } = 16;

    /// <summary>How long a claim holds; a node that dies mid-send loses its claim after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Tries before a delivery is failed for good.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long an idle worker waits before looking for work again.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether this node runs delivery workers and the scheduler (off in some tests and in `migrate`).</summary>
    public bool RunWorkers { get; set; } = true;
}
