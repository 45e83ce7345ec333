using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroMove.Infrastructure.Persistence.Configurations;

internal sealed class TeamsConversationConfiguration : IEntityTypeConfiguration<TeamsConversationEntity>
{
    public void Configure(EntityTypeBuilder<TeamsConversationEntity> builder)
    {
        builder.ToTable("teams_conversations");
        builder.HasKey(c => c.ConversationId);
        builder.Property(c => c.ConversationId).HasMaxLength(512);
        builder.Property(c => c.ServiceUrl).HasMaxLength(512);
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.ConversationType).HasMaxLength(32);
        builder.Property(c => c.UserId).HasMaxLength(256);
        builder.Property(c => c.AadObjectId).HasMaxLength(64);
        builder.Property(c => c.BotId).HasMaxLength(256);

        // "Is this service URL one we were told about?" is asked before every outbound send.
        builder.HasIndex(c => c.ServiceUrl);
        builder.HasIndex(c => new { c.TenantId, c.AadObjectId });
    }
}
