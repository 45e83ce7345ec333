namespace MicroMove.Infrastructure.Persistence.Entities;

/// <summary>A Slack workspace, a Teams tenant or the dev console's simulated workspace.</summary>
public sealed class WorkspaceEntity
{
    public Guid Id { get; set; }

    public ChatPlatform Platform { get; set; }

    /// <summary>Slack team id, Teams tenant id, or the console's fixed id.</summary>
    public required string ExternalId { get; set; }

    public required string Name { get; set; }

    /// <summary>Bot token and the like, sealed by <c>CredentialProtector</c>; never stored in clear.</summary>
    public byte[]? EncryptedCredentials { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    public List<PersonEntity> People { get; set; } = [];
}
