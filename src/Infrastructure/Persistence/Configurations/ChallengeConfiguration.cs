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
        });
        builder.Property(c => c.ChannelId).HasMaxLength(256);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.HasOne(c => c.Workspace).WithMany().HasForeignKey(c => c.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.WorkspaceId, c.ChannelId });
    }
}
