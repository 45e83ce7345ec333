using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace MicroMove.Infrastructure.Scheduling;

/// <summary>
/// Quartz.NET on the same PostgreSQL, clustered: every replica runs a scheduler with the
/// same instance name, and the job store's row locks make exactly one of them run each
/// firing. The tables come from our migrations (<see cref="QuartzSchema"/>); nodes only
/// validate them at start.
/// </summary>
public static class SchedulingRegistration
{
    public const string InstanceName = "micromove";

    public static IServiceCollection AddMicroMoveScheduling(
        this IServiceCollection services, string connectionString, bool autoStart, Action<IQuartzBuilder> addJobs)
    {
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = InstanceName;
                scheduler.GenerateInstanceId = true;
                // People's zones live in the Domain's schedules; Quartz itself works in UTC so the host's zone never matters.
                scheduler.DefaultTimeZone = TimeZoneInfo.Utc;
            });
            quartz.UseDefaultThreadPool(4);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = QuartzSchema.TablePrefix;
                    options.StoreJobDataAsStrings = true;
                    // A firing more than a minute late is a misfire; each trigger says on purpose what happens then.
                    options.MisfireThreshold = TimeSpan.FromMinutes(1);
                    options.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                store.UseClustering(cluster =>
                {
                    cluster.Enabled = true;
                    cluster.CheckinInterval = TimeSpan.FromSeconds(10);
                    cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                });
            });
            addJobs(quartz);
        });
        services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AutoStart = autoStart;
        });
        return services;
    }
}
