namespace MicroMove.Bot.Slack;

/// <summary>state {values: {block_id: {action_id: value}}}.</summary>
internal sealed class SlackStateWire
{
    public Dictionary<string, Dictionary<string, SlackInputValueWire>>? Values { get; init; }
}
