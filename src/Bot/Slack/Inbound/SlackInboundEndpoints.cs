using System.Data.Common;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace MicroMove.Bot.Slack;

/// <summary>
/// POST /slack/events, /slack/commands, /slack/interactions: parse the verified body, answer at
/// once, and queue the handler work for after the ack. Bad input is a 400 with a short reason,
/// unknown types a 200; nothing here answers 500.
/// </summary>
internal sealed class SlackInboundEndpoints(
    MicroMoveDbContext db,
    SlackInboundQueue queue,
    ISlackInboundHandler handler,
    TimeProvider time,
    ILogger<SlackInboundEndpoints> logger)
{
    public const string RetryNumHeader = "X-Slack-Retry-Num";

    /// <summary>The part of Slack's 3 s budget a view_submission handler may use (the rest is network).</summary>
    public static readonly TimeSpan ViewSubmissionBudget = TimeSpan.FromMilliseconds(2500);

    /// <summary>How long a slash command's ack may wait for its answer (a cached lookup, at most one query).</summary>
    public static readonly TimeSpan AckAnswerBudget = TimeSpan.FromMilliseconds(1000);

    public async Task<IResult> EventsAsync(HttpContext http)
    {
        var retryNum = SlackPayloadParser.RetryNumber(http.Request.Headers[RetryNumHeader].FirstOrDefault());
        var parsed = SlackPayloadParser.ParseEvents(Body(http), retryNum);
        switch (parsed.Outcome)
        {
            case SlackParseOutcome.Invalid:
                return Invalid(http, parsed.Reason);
            case SlackParseOutcome.Ignored:
                logger.SlackIgnored(http.Request.Path, parsed.Reason);
                return Results.Ok();
            case SlackParseOutcome.UrlVerification:
                logger.SlackUrlVerification();
                return Results.Text(parsed.Value?.Challenge ?? string.Empty, "text/plain");
        }

        if (parsed.Value?.Event is not { } slackEvent)
        {
            return Invalid(http, "event missing");
        }

        var context = slackEvent.Context;
        bool first;
        try
        {
            db.ProcessedInboundEvents.Add(new ProcessedInboundEventEntity
            {
                Platform = ChatPlatform.Slack,
                EventId = context.EventId,
                ReceivedAt = time.GetUtcNow(),
            });
            first = await db.SaveUnlessDuplicateAsync(http.RequestAborted);
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException or TimeoutException)
        {
            // Not acked: Slack retries, and the retry is processed once the database is back.
            logger.SlackDedupeUnavailable(exception, context.EventId);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (!first)
        {
            logger.SlackDuplicateEvent(context.EventId, context.RetryNum);
            return Results.Ok();
        }

        var work = new SlackInboundWork($"event {slackEvent.GetType().Name} {context.EventId}", (services, token) => RunEventAsync(services, slackEvent, token));
        if (!queue.TryEnqueue(work))
        {
            // Forget the id so Slack's retry is processed, and let it retry.
            logger.SlackQueueFull(work.Description);
            try
            {
                await db.ProcessedInboundEvents
                    .Where(e => e.Platform == ChatPlatform.Slack && e.EventId == context.EventId)
                    .ExecuteDeleteAsync(http.RequestAborted);
            }
            catch (Exception exception) when (exception is DbException or TimeoutException)
            {
                logger.SlackDedupeUnavailable(exception, context.EventId);
            }

            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        logger.SlackAccepted(work.Description, context.TeamId, context.RetryNum);
        return Results.Ok();
    }

    public async Task<IResult> CommandsAsync(HttpContext http)
    {
        var parsed = SlackPayloadParser.ParseCommand(Body(http));
        if (parsed.Value is not { } command)
        {
            return Invalid(http, parsed.Reason);
        }

        var ack = await AcknowledgeAsync(command, http.RequestAborted);
        var accepted = command with { AnsweredInAck = ack.Answered };
        var work = new SlackInboundWork(
            $"command {command.Command}",
            (services, token) => services.GetRequiredService<ISlackInboundHandler>().HandleCommandAsync(accepted, token));
        if (!queue.TryEnqueue(work))
        {
            logger.SlackQueueFull(work.Description);
            return Ephemeral("MicroMove is busy right now, please try again in a minute.");
        }

        logger.SlackAccepted(work.Description, command.TeamId, null);
        return ack.Text is { } text ? Ephemeral(text) : Results.Ok();
    }

    /// <summary>
    /// The handler's answer for the ack, within <see cref="AckAnswerBudget"/>; if it fails or is slow (e.g. the
    /// database is away), an empty ack and the usual answer later, so Slack's 3 s are never at risk.
    /// </summary>
    private async Task<SlackCommandAck> AcknowledgeAsync(SlackCommand command, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(AckAnswerBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        try
        {
            return await handler.AcknowledgeCommandAsync(command, linked.Token);
        }
        catch (OperationCanceledException exception) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            logger.SlackAckAnswerFailed(exception, command.Command, command.TeamId);
            return SlackCommandAck.Silent;
        }
#pragma warning disable CA1031 // Whatever the lookup did, the command is still acked (and answered after the ack); the failure is logged.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.SlackAckAnswerFailed(exception, command.Command, command.TeamId);
            return SlackCommandAck.Silent;
        }
    }

    private static IResult Ephemeral(string text) => Results.Json(
        new SlackResponseUrlMessage { ResponseType = "ephemeral", Text = text },
        SlackJsonContext.Default.SlackResponseUrlMessage);

    public async Task<IResult> InteractionsAsync(HttpContext http)
    {
        var parsed = SlackPayloadParser.ParseInteraction(Body(http));
        switch (parsed.Outcome)
        {
            case SlackParseOutcome.Invalid:
                return Invalid(http, parsed.Reason);
            case SlackParseOutcome.Ignored:
                logger.SlackIgnored(http.Request.Path, parsed.Reason);
                return Results.Ok();
        }

        switch (parsed.Value)
        {
            case SlackViewSubmission submission:
                return await ViewSubmissionAsync(submission, http.RequestAborted);
            case { } interaction:
                var work = new SlackInboundWork(
                    $"interaction {interaction.GetType().Name}",
                    (services, token) => services.GetRequiredService<ISlackInboundHandler>().HandleInteractionAsync(interaction, token));
                if (!queue.TryEnqueue(work))
                {
                    logger.SlackQueueFull(work.Description);
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }

                logger.SlackAccepted(work.Description, interaction.Context.TeamId, null);
                return Results.Ok();
            default:
                return Invalid(http, "interaction missing");
        }
    }

    private static async Task RunEventAsync(IServiceProvider services, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        // Losing access is protocol business: stop using the workspace before any feature runs.
        var lostAccess = slackEvent switch
        {
            SlackAppUninstalledEvent => "app_uninstalled",
            SlackTokensRevokedEvent { BotUserIds.Count: > 0 } => "tokens_revoked",
            _ => null,
        };
        if (lostAccess is not null)
        {
            await services.GetRequiredService<SlackWorkspaceTokens>().DeactivateAsync(slackEvent.Context.TeamId, lostAccess, cancellationToken);
        }

        await services.GetRequiredService<ISlackInboundHandler>().HandleEventAsync(slackEvent, cancellationToken);
    }

    private async Task<IResult> ViewSubmissionAsync(SlackViewSubmission submission, CancellationToken requestAborted)
    {
        using var budget = new CancellationTokenSource(ViewSubmissionBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, requestAborted);
        SlackViewSubmissionResult result;
        try
        {
            result = await handler.HandleViewSubmissionAsync(submission, linked.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            logger.SlackViewSubmissionTooSlow(submission.CallbackId);
            return Results.Ok();
        }
#pragma warning disable CA1031 // The modal gets an answer whatever the handler did; the failure is logged.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.SlackViewSubmissionFailed(exception, submission.CallbackId);
            return Results.Ok();
        }

        logger.SlackAccepted("view_submission", submission.Context.TeamId, null);
        if (result.ResponseAction is not { } action)
        {
            return Results.Ok();
        }

        return Results.Json(
            new SlackViewSubmissionResponseWire { ResponseAction = action, Errors = result.Errors, View = result.View },
            SlackJsonContext.Default.SlackViewSubmissionResponseWire);
    }

    private IResult Invalid(HttpContext http, string? reason)
    {
        logger.SlackInvalid(http.Request.Path, reason);
        return Results.Text($"Bad request: {reason}", "text/plain", statusCode: StatusCodes.Status400BadRequest);
    }

    private static byte[] Body(HttpContext http) => http.Features.Get<SlackRequestBody>()?.Bytes ?? [];
}
