namespace MicroMove.Bot.Slack;

/// <summary>The current value of one input element (text, select, date, time, pickers).</summary>
internal sealed class SlackInputValueWire
{
    public string? Type { get; init; }

    public string? Value { get; init; }

    public SlackOptionWire? SelectedOption { get; init; }

    public List<SlackOptionWire>? SelectedOptions { get; init; }

    public string? SelectedDate { get; init; }

    public string? SelectedTime { get; init; }

    public long? SelectedDateTime { get; init; }

    public string? SelectedUser { get; init; }

    public string? SelectedConversation { get; init; }

    public string? SelectedChannel { get; init; }

    public string? Timezone { get; init; }
}
