namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>Where a workspace lives; stored as lower-case text.</summary>
public enum ChatPlatform
{
    Slack,
    Teams,
    Console,
}
