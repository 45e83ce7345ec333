namespace MicroMove.Bot.Slack;

/// <summary>A modal or Home tab view inside an interaction payload.</summary>
internal sealed class SlackViewWire
{
    public string? Id { get; init; }

    public string? Type { get; init; }

    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public string? Hash { get; init; }

    public string? ExternalId { get; init; }

    public string? RootViewId { get; init; }

    public string? PreviousViewId { get; init; }

    public SlackStateWire? State { get; init; }
}
