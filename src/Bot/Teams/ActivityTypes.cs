namespace MicroMove.Bot.Teams;

/// <summary>Activity type and invoke name strings MicroMove handles.</summary>
internal static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";
    public const string TeamsChannelId = "msteams";
    public const string EmulatorChannelId = "emulator";

    /// <summary>Types handed to <see cref="ITeamsActivityHandler.HandleActivityAsync"/>; the rest are acknowledged and ignored.</summary>
    public static bool IsHandledAfterAck(string? type) =>
        type is Message or ConversationUpdate or InstallationUpdate;
}
