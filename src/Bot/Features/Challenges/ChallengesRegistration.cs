namespace MicroMove.Bot.Features.Challenges;

/// <summary>Team challenges: the commands and Join, the board, the scheduled dispatch of daily boards and results.</summary>
internal static class ChallengesRegistration
{
    public static IServiceCollection AddChallenges(this IServiceCollection services)
    {
        services.AddScoped<ChallengeBoard>();
        services.AddScoped<ChallengeCommands>();
        services.AddScoped<ChallengeDispatcher>();
        services.AddScoped<ChallengeDeliveries>();
        return services;
    }
}
