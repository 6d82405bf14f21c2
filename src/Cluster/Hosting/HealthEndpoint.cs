using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Cluster.Hosting;

/// <summary>
/// GET /alive and GET /ready on their own port, for container orchestrators' liveness and readiness probes:
/// 200 when <see cref="NodeHealth"/> says so, 503 otherwise. Kestrel serves them: it is already part of the program
/// (the dashboard), and Akka.Management's HTTP endpoint does not start with the packages served here.
/// </summary>
internal static class HealthEndpoint
{
    public static void AddTo(IHostBuilder builder, int port, NodeHealth health) =>
        builder.ConfigureWebHost(web => web
            .UseKestrel(kestrel => kestrel.Listen(IPAddress.Any, port))
            .Configure(app => app.Run(context => Answer(context, health))));

    private static Task Answer(HttpContext context, NodeHealth health)
    {
        bool? ok = context.Request.Path.Value switch
        {
            "/alive" => health.Alive,
            "/ready" => health.Ready,
            _ => null,
        };
        context.Response.StatusCode = ok switch
        {
            true => StatusCodes.Status200OK,
            false => StatusCodes.Status503ServiceUnavailable,
            null => StatusCodes.Status404NotFound,
        };
        return context.Response.WriteAsync(ok switch { true => "ok\n", false => "not yet\n", null => "" });
    }
}
