using MicroMove.Bot.Features.Challenges;
using MicroMove.Bot.Features.Prompts;
using Quartz;

namespace MicroMove.Bot.Jobs;

/// <summary>Once a minute, cluster-wide (one node per firing): due people and due challenges become deliveries.</summary>
[DisallowConcurrentExecution]
internal sealed class DispatchDuePromptsJob(PromptDispatcher dispatcher, ChallengeDispatcher challenges) : IJob
{
    public static readonly JobKey Key = new("dispatch-due-prompts", "prompts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await dispatcher.DispatchDueAsync(cancellationToken);
        await challenges.DispatchDueAsync(cancellationToken);
    }
}
