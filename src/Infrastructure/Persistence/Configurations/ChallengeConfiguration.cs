using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroMove.Infrastructure.Persistence.Configurations;

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<ChallengeEntity>
{
    public void Configure(EntityTypeBuilder<ChallengeEntity> builder)
    {
        builder.ToTable("challenges", table =>
        {
            table.HasCheckConstraint("ck_challenges_dates", "ends_on >= starts_on");
            table.HasCheckConstraint("ck_challenges_daily_goal", "daily_goal BETWEEN 1 AND 50");
            table.HasCheckConstraint("ck_challenges_days", "days BETWEEN 1 AND 366");
        });
        builder.Property(c => c.ChannelId).HasMaxLength(256);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.TimeZoneId).HasMaxLength(64);
        builder.Property(c => c.CardMessageRef).HasMaxLength(512);
        builder.Property(c => c.ServiceUrl).HasMaxLength(512);
        builder.HasOne(c => c.Workspace).WithMany().HasForeignKey(c => c.WorkspaceId).OnDelete(DeleteBehavior.Cascade);

        // One running challenge per channel: a second start finds the first instead.
        builder.HasIndex(c => new { c.WorkspaceId, c.ChannelId })
            .HasDatabaseName("ux_challenges_one_active_per_channel")
            .IsUnique()
            .HasFilter("active");

        // The dispatcher's "which challenges owe a leaderboard post": O(due), like people's next_prompt_at.
        builder.HasIndex(c => c.NextUpdateAt)
            .HasDatabaseName("ix_challenges_update_due")
            .HasFilter("active AND next_update_at IS NOT NULL");
    }
}
