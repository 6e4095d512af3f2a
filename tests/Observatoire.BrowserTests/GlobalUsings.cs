// Namespaces most files of this project use, imported once (files keep the usings only they need).
global using Deque.AxeCore.Playwright;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Playwright;
global using Observatoire.BrowserTests.Infrastructure;
global using Observatoire.Web.Data;
global using Observatoire.Web.Domain;
