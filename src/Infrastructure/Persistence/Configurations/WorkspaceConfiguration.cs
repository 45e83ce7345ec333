using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroMove.Infrastructure.Persistence.Configurations;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<WorkspaceEntity>
{
    public void Configure(EntityTypeBuilder<WorkspaceEntity> builder)
    {
        builder.ToTable("workspaces", table =>
            table.HasCheckConstraint("ck_workspaces_platform", $"platform IN ({StorageConversions.SqlList<ChatPlatform>()})"));
        builder.Property(w => w.Platform).HasConversion(StorageConversions.LowerCase<ChatPlatform>()).HasMaxLength(16);
        builder.Property(w => w.ExternalId).HasMaxLength(128);
        builder.Property(w => w.Name).HasMaxLength(256);
        builder.HasIndex(w => new { w.Platform, w.ExternalId }).IsUnique();
    }
}
