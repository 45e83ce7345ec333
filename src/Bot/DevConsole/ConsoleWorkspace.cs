using MicroMove.Bot.Features.Conversation;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.DevConsole;

/// <summary>The simulated workspace: three people in three time zones and one team channel.</summary>
internal sealed class ConsoleWorkspace(MicroMoveDbContext db, People people, TimeProvider clock)
{
    public const string ExternalId = "console";
    public const string Name = "Dev console";
    public const string ChannelId = "channel:team";
    public const string ChannelName = "#team";

    public static readonly IReadOnlyList<(string UserId, string Name, string TimeZone)> Cast =
    [
        ("ada", "Ada", "Europe/Berlin"),
        ("grace", "Grace", "America/New_York"),
        ("linus", "Linus", "Asia/Kathmandu"),
    ];

    /// <summary>Creates what is missing; safe to run on every start of every replica.</summary>
    public async Task<WorkspaceEntity> EnsureAsync(CancellationToken cancellationToken)
    {
        var workspace = await FindAsync(cancellationToken);
        if (workspace is null)
        {
            db.Workspaces.Add(new WorkspaceEntity
            {
                Platform = ChatPlatform.Console,
                ExternalId = ExternalId,
                Name = Name,
                CreatedAt = clock.GetUtcNow(),
            });
            await db.SaveUnlessDuplicateAsync(cancellationToken);
            db.ChangeTracker.Clear();
            workspace = await FindAsync(cancellationToken)
                ?? throw new InvalidOperationException("The console workspace vanished while being created.");
        }

        foreach (var (userId, name, zone) in Cast)
        {
            await people.EnsureAsync(workspace.Id, userId, name, zone, cancellationToken);
        }

        return workspace;
    }

    public Task<WorkspaceEntity?> FindAsync(CancellationToken cancellationToken) =>
        db.Workspaces.AsNoTracking().SingleOrDefaultAsync(w => w.Platform == ChatPlatform.Console && w.ExternalId == ExternalId, cancellationToken);

    public async Task<List<PersonEntity>> PeopleAsync(CancellationToken cancellationToken)
    {
        var workspace = await FindAsync(cancellationToken);
        return workspace is null
            ? []
            : await db.People.AsNoTracking().Where(p => p.WorkspaceId == workspace.Id).OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A cast member by user id ("ada") as on first contact: found, or created afresh when they deleted
    /// their data and now write again. Null for anyone not in the cast.
    /// </summary>
    public async Task<PersonEntity?> CastMemberAsync(string userId, CancellationToken cancellationToken)
    {
        var member = Cast.FirstOrDefault(c => c.UserId == userId);
        if (member.UserId is null || await FindAsync(cancellationToken) is not { } workspace)
        {
            return null;
        }

        var (person, _) = await people.EnsureAsync(workspace.Id, member.UserId, member.Name, member.TimeZone, cancellationToken);
        return person;
    }

    public async Task<PersonEntity?> PersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var workspace = await FindAsync(cancellationToken);
        return workspace is null
            ? null
            : await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId && p.WorkspaceId == workspace.Id, cancellationToken);
    }
}
