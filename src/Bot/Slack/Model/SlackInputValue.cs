namespace MicroMove.Bot.Slack;

/// <summary>The value of one input element in state.values[block_id][action_id]; unanswered optional inputs have null values.</summary>
internal sealed record SlackInputValue(
    string Type,
    string? Value,
    string? SelectedOptionValue,
    IReadOnlyList<string> SelectedOptionValues,
    string? SelectedDate,
    string? SelectedTime,
    long? SelectedDateTime,
    string? SelectedUser,
    string? SelectedConversation,
    string? SelectedChannel,
    string? Timezone);
