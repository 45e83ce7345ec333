namespace MicroMove.Bot.Slack;

/// <summary>One item of block_actions actions[].</summary>
internal sealed class SlackActionWire
{
    public string? ActionId { get; init; }

    public string? BlockId { get; init; }

    public string? Type { get; init; }

    public string? Value { get; init; }

    public string? ActionTs { get; init; }

    public SlackOptionWire? SelectedOption { get; init; }

    public List<SlackOptionWire>? SelectedOptions { get; init; }

    public string? SelectedDate { get; init; }

    public string? SelectedTime { get; init; }

    public long? SelectedDateTime { get; init; }

    public string? SelectedUser { get; init; }

    public string? SelectedConversation { get; init; }

    public string? SelectedChannel { get; init; }
}
