namespace MicroMove.Bot.Slack;

/// <summary>Who interacted, in which workspace. TeamId falls back to user.team_id on org-wide installs (team is null there).</summary>
internal sealed record SlackInteractionContext(
    string TeamId,
    string? EnterpriseId,
    string UserId,
    string? UserName,
    string? ApiAppId,
    string? TriggerId,
    bool IsEnterpriseInstall);
