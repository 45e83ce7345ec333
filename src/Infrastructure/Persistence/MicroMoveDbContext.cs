using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Infrastructure.Persistence;

/// <summary>MicroMove's tables, all in the <c>micromove</c> schema (Quartz keeps its own).</summary>
public sealed class MicroMoveDbContext(DbContextOptions<MicroMoveDbContext> options) : DbContext(options)
{
    public const string Schema = "micromove";
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public DbSet<WorkspaceEntity> Workspaces => Set<WorkspaceEntity>();

    public DbSet<PersonEntity> People => Set<PersonEntity>();

    public DbSet<PromptDeliveryEntity> PromptDeliveries => Set<PromptDeliveryEntity>();

    public DbSet<LogEntryEntity> LogEntries => Set<LogEntryEntity>();

    public DbSet<ChallengeEntity> Challenges => Set<ChallengeEntity>();

    public DbSet<ChallengeParticipantEntity> ChallengeParticipants => Set<ChallengeParticipantEntity>();

    public DbSet<ProcessedInboundEventEntity> ProcessedInboundEvents => Set<ProcessedInboundEventEntity>();

    public DbSet<ConsoleMessageEntity> ConsoleMessages => Set<ConsoleMessageEntity>();

    public DbSet<TeamsConversationEntity> TeamsConversations => Set<TeamsConversationEntity>();

    public DbSet<DevConsoleClockEntity> DevConsoleClock => Set<DevConsoleClockEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MicroMoveDbContext).Assembly);
    }
}
