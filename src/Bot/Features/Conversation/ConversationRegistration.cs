namespace MicroMove.Bot.Features.Conversation;

/// <summary>The platform-neutral conversation features, used by every chat adapter.</summary>
internal static class ConversationRegistration
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddScoped<People>();
        services.AddScoped<SetAnswers>();
        services.AddScoped<InstantSets>();
        services.AddScoped<ScheduleEditor>();
        services.AddScoped<Conversations>();
        return services;
    }
}
