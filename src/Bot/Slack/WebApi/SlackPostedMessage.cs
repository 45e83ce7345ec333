namespace MicroMove.Bot.Slack;

/// <summary>A posted or updated message: keep Channel (the D… id for DMs) and Ts to update it later.</summary>
internal sealed record SlackPostedMessage(string Channel, string Ts);
