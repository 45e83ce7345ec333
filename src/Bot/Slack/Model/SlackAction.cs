namespace MicroMove.Bot.Slack;

/// <summary>One action of a block_actions payload: a button (Value) or a select (SelectedOptionValue, null when deselected), date, time, pickers.</summary>
internal sealed record SlackAction(
    string ActionId,
    string? BlockId,
    string Type,
    string? Value,
    string? SelectedOptionValue,
    IReadOnlyList<string> SelectedOptionValues,
    string? SelectedDate,
    string? SelectedTime,
    string? SelectedUser,
    string? SelectedConversation,
    string? SelectedChannel,
    string? ActionTs);
