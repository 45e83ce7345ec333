using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace MicroMove.Bot.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the token is validated before the body is read; then the activity is
/// parsed, checked against the token (serviceurl claim, key endorsements), its conversation
/// reference remembered, and it is handed on: invokes answered synchronously, messages and
/// install events queued after de-duplication, anything else acknowledged and ignored.
/// Bad input gets a 4xx and a log line; nothing here answers 500.
/// </summary>
internal static class TeamsMessagesEndpoint
{
    public const string Path = "/api/messages";
    public const long MaxBodyBytes = 1024 * 1024;
    private const string LoggerCategory = "MicroMove.Bot.Teams.Messages";

    public static async Task HandleAsync(HttpContext context)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        var aborted = context.RequestAborted;
        try
        {
            await ProcessAsync(context, logger, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // Teams gave up on the request; it will redeliver.
        }
        catch (Exception exception)
        {
            // A database or infrastructure failure: 503 lets Teams retry, and nothing was recorded.
            TeamsLog.Unexpected(logger, StatusCodes.Status503ServiceUnavailable, exception);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            }
        }
    }

    private static async Task ProcessAsync(HttpContext context, ILogger logger, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var authorization = context.Request.Headers.Authorization;
        var identity = authorization.Count == 1
            ? await services.GetRequiredService<BotConnectorAuthenticator>().AuthenticateAsync(authorization.ToString(), cancellationToken)
            : BotConnectorIdentity.Rejected(authorization.Count == 0 ? "missing Authorization header" : "several Authorization headers");
        if (!identity.IsAuthenticated)
        {
            Reject(context, logger, StatusCodes.Status401Unauthorized, identity.Failure ?? "unauthenticated");
            return;
        }

        var (activity, problem, status) = await ReadActivityAsync(context, cancellationToken);
        if (activity is null)
        {
            Reject(context, logger, status, problem);
            return;
        }

        if (identity.ServiceUrlProblem(activity) is { } serviceUrlProblem)
        {
            Reject(context, logger, StatusCodes.Status401Unauthorized, serviceUrlProblem);
            return;
        }

        if (identity.EndorsementProblem(activity) is { } endorsementProblem)
        {
            Reject(context, logger, StatusCodes.Status403Forbidden, endorsementProblem);
            return;
        }

        if (ConversationReference.From(activity) is { } reference)
        {
            await services.GetRequiredService<TeamsConversationStore>().RememberAsync(reference, cancellationToken);
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            await InvokeAsync(context, logger, activity, cancellationToken);
        }
        else if (ActivityTypes.IsHandledAfterAck(activity.Type))
        {
            context.Response.StatusCode = await QueueAsync(services, logger, activity, cancellationToken);
        }
        else
        {
            TeamsLog.Ignored(logger, activity.Type, activity.Id);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }

    private static async Task<(TeamsActivity? Activity, string Problem, int Status)> ReadActivityAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, "activity larger than 1 MiB", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            var activity = await JsonSerializer.DeserializeAsync(context.Request.Body, TeamsJsonContext.Default.TeamsActivity, cancellationToken);
            return activity is null
                ? (null, "activity body is JSON null", StatusCodes.Status400BadRequest)
                : (activity, string.Empty, StatusCodes.Status200OK);
        }
        catch (JsonException exception)
        {
            return (null, $"malformed activity JSON ({exception.Path ?? "root"})", StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException exception)
        {
            return (null, "unreadable request body", exception.StatusCode);
        }
    }

    private static async Task InvokeAsync(HttpContext context, ILogger logger, TeamsActivity activity, CancellationToken cancellationToken)
    {
        InvokeResult result;
        try
        {
            result = await context.RequestServices.GetRequiredService<ITeamsActivityHandler>().HandleInvokeAsync(activity, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TeamsLog.HandlerFailed(logger, activity.Type, activity.Id, exception);
            result = InvokeResult.Error(StatusCodes.Status500InternalServerError, "HandlerFailed", "MicroMove could not handle this action. Please try again.");
        }

        context.Response.StatusCode = result.HttpStatusCode;
        if (result.Body is { } body)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, cancellationToken);
        }
    }

    private static async Task<int> QueueAsync(IServiceProvider services, ILogger logger, TeamsActivity activity, CancellationToken cancellationToken)
    {
        var deduplicator = services.GetRequiredService<TeamsInboundDeduplicator>();
        var hasId = !string.IsNullOrEmpty(activity.Id);
        if (hasId && !await deduplicator.TryRecordAsync(activity, cancellationToken))
        {
            TeamsLog.Duplicate(logger, activity.Id);
            return StatusCodes.Status200OK;
        }

        if (await services.GetRequiredService<TeamsActivityQueue>().TryEnqueueAsync(activity, cancellationToken))
        {
            return StatusCodes.Status200OK;
        }

        TeamsLog.QueueFull(logger, activity.Id);
        if (hasId)
        {
            await deduplicator.ForgetAsync(activity, CancellationToken.None);
        }

        return StatusCodes.Status503ServiceUnavailable;
    }

    private static void Reject(HttpContext context, ILogger logger, int statusCode, string reason)
    {
        TeamsLog.Rejected(logger, statusCode, reason);
        context.Response.StatusCode = statusCode;
    }
}
