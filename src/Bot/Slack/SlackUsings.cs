// Program.cs calls AddSlack/MapSlackEndpoints; importing the namespace here keeps that file's change to those two lines.
global using MicroMove.Bot.Slack;
