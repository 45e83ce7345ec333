using MicroMove.Infrastructure.Postgres;
using MicroMove.Infrastructure.Security;

namespace MicroMove.Bot.Hosting;

/// <summary>
/// The key that seals workspace tokens at rest (Security:CredentialKey, base64 of 32 bytes).
/// Production must be given one; a development run makes one and keeps it in the user's
/// MicroMove folder so tokens stored yesterday still open today.
/// </summary>
internal static class CredentialKeySetup
{
    public const string SettingName = "Security:CredentialKey";

    public static CredentialProtector Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                return CredentialProtector.FromBase64(configured);
            }
            catch (ArgumentException exception)
            {
                throw new StartupException($"Security__CredentialKey is unusable: {exception.Message} Generate one with: openssl rand -base64 32");
            }
        }

        if (!environment.IsDevelopment())
        {
            throw new StartupException(
                "Security__CredentialKey is not set. Generate one with `openssl rand -base64 32`, keep it secret and never change it (tokens sealed with one key cannot be opened with another).");
        }

        return CredentialProtector.FromBase64(ReadOrCreateDevelopmentKey());
    }

    private static string ReadOrCreateDevelopmentKey()
    {
        var folder = LocalPostgresPaths.LocalDataDirectory;
        var path = Path.Combine(folder, "credential.key");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(folder);
        var key = CredentialProtector.NewBase64Key();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(new FileStream(path, options));
        writer.Write(key);
        return key;
    }
}
