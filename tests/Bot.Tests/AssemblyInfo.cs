using MicroMove.Tests.Support;

[assembly: AssemblyFixture(typeof(PostgresServer))]
