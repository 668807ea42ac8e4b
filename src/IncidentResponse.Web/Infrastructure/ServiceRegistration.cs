using System.Threading.RateLimiting;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Pages.Cases.Incidents;
using IncidentResponse.Web.Safety;
using IncidentResponse.Web.Takedowns;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IncidentResponse.Web.Infrastructure;

public static class ServiceRegistration
{
    public const string AccountRateLimit = "accounts";

    /// <summary>Letter PDFs a person may ask for in a minute (<c>Printing:LetterPdfsPerMinute</c>), wherever they ask from.</summary>
    public const string LetterPdfRateLimit = "letter-pdfs";

    public static AppOptions AddIncidentResponse(this WebApplicationBuilder builder)
    {
        var options = AppOptions.From(builder.Configuration, builder.Environment);
        Directory.CreateDirectory(options.DataDirectory);
        var services = builder.Services;
        builder.AddAppLogging();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxFormBodyBytes;
        });
        services.Configure<FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = options.MaxFormBodyBytes;
            f.ValueLengthLimit = (int)Math.Min(options.MaxFormBodyBytes, int.MaxValue);
        });

        services.AddSingleton(options);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // Only proxies on loopback are trusted by default; add others with ReverseProxy:KnownProxies.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(MasterKey.Load(builder.Configuration, builder.Environment, options.DataDirectory));
        services.AddSingleton(sp => sp.GetRequiredService<MasterKey>().AuditChain);
        services.AddDbContext<AppDbContext>(db => db.UseAppDatabase(options.Provider, options.ConnectionString));
        services.AddHostedService<DatabaseMigrator>();

        services.AddDataProtection().SetApplicationName("IncidentResponse");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(k =>
        {
            k.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>());
            k.XmlEncryptor = new MasterKeyXmlEncryptor(sp.GetRequiredService<MasterKey>());
        }));

        AddAccounts(services, options, builder.Environment);

        services.AddScoped<CaseMembershipFilter>();
        services.AddSingleton<DatabaseUnavailableFilter>();
        services.AddHttpContextAccessor();
        services.AddScoped<SubmissionGuard>();
        services.AddSingleton(sp => JurisdictionCatalog.LoadEmbedded(DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)));
        services.AddScoped<CasePlanLoader>();
        services.AddSingleton<CaseLinks>();
        services.AddSingleton(sp => PlatformDirectory.LoadEmbedded(DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)));
        services.AddSingleton(sp => DigitalServicesCoordinators.LoadEmbedded(DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)));
        services.AddScoped<TakedownLetters>();
        services.AddScoped<TakedownActions>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<DemoCase>();
        services.AddScoped<DemoTakedowns>();

        // Documents printed by Chromium: one warm browser for the whole app, started on first use.
        services.AddSingleton(sp => new IncidentResponse.Documents.Html.DocumentHtmlRenderer(sp.GetRequiredService<ILoggerFactory>()));
        // A binder of a few hundred screenshots takes over a minute to load on a small machine (see docs/performance.md).
        services.AddSingleton(sp => new IncidentResponse.Documents.Pdf.ChromiumPdfPrinter(
            new IncidentResponse.Documents.Pdf.ChromiumPdfPrinterOptions
            {
                ExecutablePath = builder.Configuration["Binder:ChromiumPath"] ?? IncidentResponse.Documents.Pdf.ChromiumPdfPrinterOptions.DebianChromiumPath,
                RenderTimeout = TimeSpan.FromMinutes(5),
            },
            sp.GetRequiredService<ILogger<IncidentResponse.Documents.Pdf.ChromiumPdfPrinter>>()));
        services.AddScoped<IncidentResponse.Web.Takedowns.LetterPdf>();
        services.AddSingleton<FairPrinting>();

        services.AddEvidence(options.DataDirectory);
        services.AddIncidents();

        // "Download everything" (issue 6). Further files join the ZIP by registering an ICaseExportPart (binder.pdf).
        services.AddScoped<IncidentResponse.Web.Export.CaseExporter>();
        services.AddSingleton<IncidentResponse.Web.Accounts.SessionCleanup>();
        services.AddHostedService<IncidentResponse.Web.Accounts.SessionCleanupDaily>();
        services.AddScoped<IncidentResponse.Web.Binder.BinderService>();
        services.AddSingleton(sp => new IncidentResponse.Web.Binder.PdfFirstPage(
            builder.Configuration["Binder:PdftoppmPath"] ?? IncidentResponse.Web.Binder.PdfFirstPage.DebianPath,
            sp.GetRequiredService<ILogger<IncidentResponse.Web.Binder.PdfFirstPage>>()));
        services.AddScoped<IncidentResponse.Web.Export.ICaseExportPart, IncidentResponse.Web.Binder.BinderExportPart>();
        services.AddRazorPages()
            .AddMvcOptions(mvc =>
            {
                // Outermost: a database that cannot be reached becomes a kind 503 page, whatever inner filter met it.
                mvc.Filters.Add(new ServiceFilterAttribute(typeof(DatabaseUnavailableFilter)) { Order = int.MinValue });

                // In this order: membership (404 for strangers) before step-up (re-enter your passphrase).
                mvc.Filters.Add(new ServiceFilterAttribute(typeof(CaseMembershipFilter)));
                mvc.Filters.Add(new ServiceFilterAttribute(typeof(RecentPassphraseFilter)));

                // The signed-in person's own time zone, for every time a page or document shows.
                mvc.Filters.Add(new ServiceFilterAttribute(typeof(LocalTimesFilter)));

                // Something typed that cannot be read into its field's type gets kind words, never the framework's.
                var messages = mvc.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((_, _) => ValidationExtensions.Unreadable);
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => ValidationExtensions.Unreadable);
                messages.SetUnknownValueIsInvalidAccessor(_ => ValidationExtensions.Unreadable);
                messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => ValidationExtensions.Unreadable);
                messages.SetValueIsInvalidAccessor(_ => ValidationExtensions.Unreadable);
                messages.SetValueMustBeANumberAccessor(_ => ValidationExtensions.Unreadable);
                messages.SetNonPropertyValueMustBeANumberAccessor(() => ValidationExtensions.Unreadable);
            });
        services.AddAntiforgery(a =>
        {
            a.Cookie.Name = options.CookiesRequireHttps ? "__Host-ir-af" : "ir-af";
            a.Cookie.SecurePolicy = options.CookiesRequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.Cookie.HttpOnly = true;
            a.HeaderName = "X-CSRF-TOKEN";
            a.FormFieldName = "__rvt";
        });
        services.AddValidatorsFrom(typeof(ServiceRegistration).Assembly);
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.AddPolicy(AccountRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                RateLimitPartitions.ForAccount(context),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.AccountAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            r.AddPolicy(LetterPdfRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                RateLimitPartitions.ForAccount(context),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = builder.Configuration.GetValue("Printing:LetterPdfsPerMinute", 20),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        if (!builder.Environment.IsDevelopment())
        {
            services.AddHsts(h =>
            {
                h.MaxAge = TimeSpan.FromDays(365);
                h.IncludeSubDomains = true;
            });
        }

        return options;
    }

    private static void AddAccounts(IServiceCollection services, AppOptions options, IHostEnvironment environment)
    {
        services.AddSingleton(PassphraseValidator.LoadPolicy(environment.ContentRootPath));
        services.AddScoped<SessionStore>();
        services.AddScoped<SignInFlow>();
        services.AddScoped<StepUp>();
        services.AddScoped<RecentPassphraseFilter>();
        services.AddScoped<LocalTimes>();
        services.AddScoped<LocalTimesFilter>();
        services.Configure<PasswordHasherOptions>(h => h.IterationCount = 210_000);
        services.AddIdentityCore<AppUser>(identity =>
            {
                identity.User.RequireUniqueEmail = false;
                identity.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 1;
                identity.Password.RequiredLength = PassphrasePolicy.MinimumLength;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PassphraseValidator>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = options.CookiesRequireHttps ? "__Host-ir-session" : "ir-session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = options.CookiesRequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.IsEssential = true;
            // The server-side session decides idleness (SessionStore); the cookie only bounds the absolute lifetime,
            // so it can never expire before the page's idle warning has had its say.
            cookie.ExpireTimeSpan = options.AbsoluteTimeout;
            cookie.SlidingExpiration = false;
            cookie.LoginPath = "/account/sign-in";
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/account/sign-in";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events = new CookieAuthenticationEvents { OnValidatePrincipal = SessionStore.ValidatePrincipalAsync };
        });
        services.Configure<SecurityStampValidatorOptions>(s =>
        {
            s.ValidationInterval = TimeSpan.FromMinutes(1);
            s.OnRefreshingPrincipal = refresh =>
            {
                // The refreshed principal is rebuilt from the user; keep naming the same server-side session.
                if (refresh.CurrentPrincipal?.FindFirst(SessionStore.SessionClaim) is { } session
                    && refresh.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(SessionStore.SessionClaim, session.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(a => a.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
