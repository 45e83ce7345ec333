using System.Net;
using MicroMove.Infrastructure.Persistence;
using MicroMove.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroMove.Bot.Tests.Teams;

/// <summary>The inbound JWT matrix, through the real pipeline against a loopback fake issuer.</summary>
public sealed class TeamsAuthenticationTests(PostgresServer server)
{
    private static readonly string Activity = TeamsTestBed.Message("1485983408511");
    private static readonly string ServiceUrl = TeamsTestBed.ServiceUrlOf(Activity);

    [Fact]
    public async Task ValidToken_Returns200AndHandsTheActivityOn()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);

        var response = await bed.PostAsync(Activity, $"Bearer {bed.Token(ServiceUrl)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var handled = await bed.Handler.NextActivityAsync();
        Assert.Equal("1485983408511", handled.Id);
        Assert.Equal("done", handled.Text);
    }

    public static TheoryData<string> BrokenTokens() =>
    [
        "wrong audience",
        "wrong issuer",
        "expired",
        "not yet valid",
        "bad signature",
        "unknown key",
        "serviceUrl mismatch",
        "no serviceurl claim",
        "emulator issuer while emulator is off",
    ];

    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task BrokenToken_Returns401AndHandsNothingOn(string broken)
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        using var impostor = new TestSigningKey(bed.Key.Kid, "msteams");
        using var stranger = new TestSigningKey("key-unknown", "msteams");
        var token = broken switch
        {
            "wrong audience" => bed.Token(ServiceUrl, d => d.Audience = "3c1f0b8e-0000-4000-8000-000000000000"),
            "wrong issuer" => bed.Token(ServiceUrl, d => d.Issuer = "https://api.botframework.evil"),
            "expired" => bed.Token(ServiceUrl, d =>
            {
                d.IssuedAt = d.NotBefore = TeamsTestBed.Now.UtcDateTime.AddHours(-2);
                d.Expires = TeamsTestBed.Now.UtcDateTime.AddMinutes(-6);
            }),
            "not yet valid" => bed.Token(ServiceUrl, d =>
            {
                d.IssuedAt = d.NotBefore = TeamsTestBed.Now.UtcDateTime.AddMinutes(6);
                d.Expires = TeamsTestBed.Now.UtcDateTime.AddHours(1);
            }),
            "bad signature" => bed.Token(ServiceUrl, key: impostor),
            "unknown key" => bed.Token(ServiceUrl, key: stranger),
            "serviceUrl mismatch" => bed.Token("https://smba.trafficmanager.net/emea/"),
            "no serviceurl claim" => bed.Token(ServiceUrl, d => d.Claims.Remove("serviceurl")),
            "emulator issuer while emulator is off" => bed.Token(ServiceUrl, d => d.Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };

        var response = await bed.PostAsync(Activity, $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHandedOnAsync(bed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task MissingOrMalformedAuthorization_Returns401(string? authorization)
    {
        await using var bed = await TeamsTestBed.StartAsync(server);

        var response = await bed.PostAsync(Activity, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHandedOnAsync(bed);
    }

    [Fact]
    public async Task TokenWithinTheFiveMinuteSkew_IsAccepted()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        var token = bed.Token(ServiceUrl, d =>
        {
            d.IssuedAt = d.NotBefore = TeamsTestBed.Now.UtcDateTime.AddHours(-1);
            d.Expires = TeamsTestBed.Now.UtcDateTime.AddMinutes(-4);
        });

        var response = await bed.PostAsync(Activity, $"Bearer {token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TokenValidNow_IsRejectedOnceOurClockPassesItsExpiry()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        var token = bed.Token(ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await bed.PostAsync(TeamsTestBed.Message("first"), $"Bearer {token}")).StatusCode);

        bed.Time?.Advance(TimeSpan.FromMinutes(65));

        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.PostAsync(TeamsTestBed.Message("second"), $"Bearer {token}")).StatusCode);
    }

    [Fact]
    public async Task RepeatedToken_IsRejectedOnceItsExpiryPlusSkewPasses_ThoughItWasAcceptedMinutesAgo()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        // Expired 4 minutes ago: accepted within the 5 minutes of skew, for one more minute.
        var token = bed.Token(ServiceUrl, d =>
        {
            d.IssuedAt = d.NotBefore = TeamsTestBed.Now.UtcDateTime.AddHours(-1);
            d.Expires = TeamsTestBed.Now.UtcDateTime.AddMinutes(-4);
        });
        Assert.Equal(HttpStatusCode.OK, (await bed.PostAsync(TeamsTestBed.Message("first"), $"Bearer {token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bed.PostAsync(TeamsTestBed.Message("second"), $"Bearer {token}")).StatusCode);

        bed.Time?.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Unauthorized, (await bed.PostAsync(TeamsTestBed.Message("third"), $"Bearer {token}")).StatusCode);
        Assert.Equal(["first", "second"], await RecordedActivityIdsAsync(bed));
    }

    [Fact]
    public async Task RepeatedToken_WithAnActivityForAnotherServiceUrl_Returns401()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        var token = bed.Token(ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await bed.PostAsync(TeamsTestBed.Message("first"), $"Bearer {token}")).StatusCode);
        var elsewhere = TeamsTestBed.Fixture("message_activity.json", node =>
        {
            node["id"] = "elsewhere";
            node["serviceUrl"] = "https://smba.trafficmanager.net/emea/";
        });

        var response = await bed.PostAsync(elsewhere, $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["first"], await RecordedActivityIdsAsync(bed));
    }

    [Fact]
    public async Task RepeatedToken_FromAKeyThatDoesNotEndorseTheChannel_Returns403EveryTime()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        using var skypeOnly = new TestSigningKey("key-skype", "skype");
        bed.Fake.PublishKeys(bed.Key, skypeOnly);
        var token = bed.Token(ServiceUrl, key: skypeOnly);

        Assert.Equal(HttpStatusCode.Forbidden, (await bed.PostAsync(TeamsTestBed.Message("first"), $"Bearer {token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bed.PostAsync(TeamsTestBed.Message("second"), $"Bearer {token}")).StatusCode);
        await AssertNothingHandedOnAsync(bed);
    }

    [Fact]
    public async Task KeyRotation_UnknownKidRefreshesTheKeysAndIsAccepted()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        using var next = new TestSigningKey("key-2", "msteams");
        Assert.Equal(HttpStatusCode.OK, (await bed.PostSignedAsync(TeamsTestBed.Message("before-rotation"))).StatusCode);
        var fetchesBefore = bed.Fake.MetadataRequests;

        bed.Fake.PublishKeys(bed.Key, next);
        var response = await bed.PostAsync(TeamsTestBed.Message("after-rotation"), $"Bearer {bed.Token(ServiceUrl, key: next)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(bed.Fake.MetadataRequests > fetchesBefore, "the metadata was read again for the new kid");
    }

    [Fact]
    public async Task FloodOfUnknownKids_ReadsTheMetadataOnceNotPerRequest()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        Assert.Equal(HttpStatusCode.OK, (await bed.PostSignedAsync(TeamsTestBed.Message("warm-up"))).StatusCode);
        var fetchesBefore = bed.Fake.MetadataRequests;

        for (var i = 0; i < 5; i++)
        {
            using var stranger = new TestSigningKey($"random-{i}", "msteams");
            Assert.Equal(HttpStatusCode.Unauthorized, (await bed.PostAsync(Activity, $"Bearer {bed.Token(ServiceUrl, key: stranger)}")).StatusCode);
        }

        Assert.InRange(bed.Fake.MetadataRequests - fetchesBefore, 1, 2);
    }

    [Fact]
    public async Task KnownKid_UsesTheCachedKeys()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await bed.PostSignedAsync(TeamsTestBed.Message($"m{i}"))).StatusCode);
        }

        Assert.Equal(1, bed.Fake.MetadataRequests);
    }

    [Fact]
    public async Task KeyNotEndorsedForTeams_Returns403()
    {
        await using var bed = await TeamsTestBed.StartAsync(server);
        using var skypeOnly = new TestSigningKey("key-skype", "skype");
        bed.Fake.PublishKeys(bed.Key, skypeOnly);

        var response = await bed.PostAsync(Activity, $"Bearer {bed.Token(ServiceUrl, key: skypeOnly)}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingHandedOnAsync(bed);
    }

    [Theory]
    [InlineData(TeamsTestBed.AppId, true)]
    [InlineData("3c1f0b8e-0000-4000-8000-000000000000", false)]
    public async Task EmulatorToken_WhenAllowed_IsAcceptedForOurAppIdOnly(string azp, bool accepted)
    {
        await using var bed = await TeamsTestBed.StartAsync(server, extraSettings: new Dictionary<string, string?>
        {
            ["Teams:AllowEmulator"] = "true",
            ["Teams:EmulatorOpenIdMetadataUrl"] = "{metadata}",
        });
        var activity = TeamsTestBed.Fixture("message_activity.json", node =>
        {
            node["channelId"] = "emulator";
            node["serviceUrl"] = "http://localhost:56789";
        });
        var token = bed.Token("unused", d =>
        {
            d.Issuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
            d.Claims = new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = azp };
        });

        var response = await bed.PostAsync(activity, $"Bearer {token}");

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TeamsNotConfigured_MessagesEndpointIs404()
    {
        await using var app = new MicroMoveApp(await server.CreateMigratedDatabaseAsync());

        var response = await app.CreateClient().PostAsync(
            new Uri("/api/messages", UriKind.Relative),
            new StringContent(Activity),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The ids of the activities the endpoint accepted and queued (kept by the de-duplication), in order.</summary>
    private static async Task<List<string>> RecordedActivityIdsAsync(TeamsTestBed bed)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        var keys = await db.ProcessedInboundEvents.OrderBy(e => e.ReceivedAt).ThenBy(e => e.EventId)
            .Select(e => e.EventId).ToListAsync(TestContext.Current.CancellationToken);
        return [.. keys.Select(key => key.Split('|')[0])];
    }

    private static async Task AssertNothingHandedOnAsync(TeamsTestBed bed)
    {
        Assert.Empty(bed.Handler.Activities);
        Assert.Empty(bed.Handler.Invokes);
        await using var scope = bed.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MicroMoveDbContext>();
        Assert.Equal(0, await db.ProcessedInboundEvents.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.TeamsConversations.CountAsync(TestContext.Current.CancellationToken));
    }
}
