using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroMove.Infrastructure.Persistence.Configurations;

internal sealed class ConsoleMessageConfiguration : IEntityTypeConfiguration<ConsoleMessageEntity>
{
    public void Configure(EntityTypeBuilder<ConsoleMessageEntity> builder)
    {
        builder.ToTable("console_messages");
        builder.Property(m => m.ConversationId).HasMaxLength(256);
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.SlackPayload).HasColumnType("jsonb");
        builder.Property(m => m.TeamsPayload).HasColumnType("jsonb");
        builder.HasIndex(m => new { m.WorkspaceId, m.ConversationId, m.CreatedAt });
    }
}
