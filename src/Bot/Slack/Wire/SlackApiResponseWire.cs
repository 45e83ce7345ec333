namespace MicroMove.Bot.Slack;

/// <summary>Every Web API answer: ok, or ok:false with an error code.</summary>
internal class SlackApiResponseWire
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    public string? Warning { get; init; }

    public SlackResponseMetadataWire? ResponseMetadata { get; init; }
}
