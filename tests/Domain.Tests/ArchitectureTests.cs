using MicroMove.Domain.Catalogue;

namespace MicroMove.Domain.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Domain_ReferencesOnlyTheFramework()
    {
        var referenced = typeof(BodyRegion).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard")
            .ToList();

        Assert.Empty(referenced);
    }
}
