using MicroMove.Bot.Chat;
using MicroMove.Bot.DevConsole;
using MicroMove.Bot.Jobs;
using MicroMove.Infrastructure.Scheduling;
using Quartz;

namespace MicroMove.Bot.Features.Prompts;

/// <summary>The prompt pipeline: Quartz's cluster-wide dispatch, and delivery workers on every node.</summary>
internal static class PromptsRegistration
{
    public static IServiceCollection AddPrompts(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var section = configuration.GetSection(PromptOptions.SectionName);
        services.AddOptions<PromptOptions>()
            .Bind(section)
            .Validate(o => o.DispatchInterval >= TimeSpan.FromSeconds(1), "Prompts:DispatchInterval must be at least 1 second")
            .Validate(o => o.Lease >= TimeSpan.FromSeconds(10), "Prompts:Lease must be at least 10 seconds")
            .Validate(o => o.MaxAttempts >= 1 && o.ClaimBatchSize >= 1 && o.DispatchBatchSize >= 1 && o.SendConcurrency >= 1 && o.SendConcurrencyPerWorkspace >= 1, "Prompts batch sizes and attempts must be positive")
            .ValidateOnStart();
        services.AddSingleton<TimeZones>();
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<DeliveryMarks>();
        services.AddSingleton<ChatGateways>();
        services.AddSingleton<IChatGateway, ConsoleGateway>();
        services.AddScoped<PromptDispatcher>();
        services.AddScoped<DeliverySender>();
        services.AddScoped<ClaimedDeliveries>();

        var options = section.Get<PromptOptions>() ?? new PromptOptions();
        services.AddMicroMoveScheduling(connectionString, autoStart: options.RunWorkers, quartz =>
            quartz.ScheduleJob<DispatchDuePromptsJob>(
                trigger => trigger
                    .WithIdentity("dispatch-due-prompts-every-interval", "prompts")
                    .StartNow()
                    // A firing missed while every node was down is not replayed: the next run
                    // catches up by itself (it records old slots as missed and sends the latest).
                    .WithSimpleSchedule(schedule => schedule
                        .WithInterval(options.DispatchInterval)
                        .RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(DispatchDuePromptsJob.Key)));
        if (options.RunWorkers)
        {
            services.AddHostedService<DeliveryWorker>();
        }

        return services;
    }
}
