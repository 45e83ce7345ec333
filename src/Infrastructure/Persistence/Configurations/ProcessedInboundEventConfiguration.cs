using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroMove.Infrastructure.Persistence.Configurations;

internal sealed class ProcessedInboundEventConfiguration : IEntityTypeConfiguration<ProcessedInboundEventEntity>
{
    public void Configure(EntityTypeBuilder<ProcessedInboundEventEntity> builder)
    {
        builder.ToTable("processed_inbound_events");
        builder.HasKey(e => new { e.Platform, e.EventId });
        builder.Property(e => e.Platform).HasConversion(StorageConversions.LowerCase<ChatPlatform>()).HasMaxLength(16);
        builder.Property(e => e.EventId).HasMaxLength(256);
        builder.HasIndex(e => e.ReceivedAt);
    }
}
