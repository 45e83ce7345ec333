using Microsoft.Extensions.Options;

namespace MicroMove.Bot.Slack;

/// <summary>
/// The one gate in front of every /slack POST: 404 while Slack is off, 413 for oversized bodies,
/// 200 for Slack's unsigned ssl_check probe, 401 (no detail, reason logged) unless the v0
/// signature over the raw body and the timestamp check out. The verified bytes are handed to the
/// endpoint as a <see cref="SlackRequestBody"/> feature; nothing binds the body before this runs.
/// </summary>
internal sealed class SlackSignatureFilter(IOptions<SlackOptions> options, SlackRequestVerifier verifier, ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!options.Value.Enabled)
        {
            return Results.NotFound();
        }

        var body = await SlackRequestBody.ReadAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            logger.SlackBodyTooLarge(http.Request.Path);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (SlackPayloadParser.IsSslCheck(body))
        {
            logger.SlackSslCheck(http.Request.Path);
            return Results.Ok();
        }

        var check = verifier.Verify(
            http.Request.Headers[SlackSignature.TimestampHeader].FirstOrDefault(),
            http.Request.Headers[SlackSignature.SignatureHeader].FirstOrDefault(),
            body);
        if (check != SlackSignatureCheck.Valid)
        {
            logger.SlackSignatureRejected(http.Request.Path, check);
            return Results.Unauthorized();
        }

        http.Features.Set(new SlackRequestBody(body));
        return await next(context);
    }
}
