// Imported first by the app's entry (main.tsx), so it runs before React and the rest of the
// entry's code: on /dashboard the first figures are asked for at once, and the page's own code
// starts downloading (App.tsx's lazy import then finds it on its way). On a phone's slow Wi-Fi
// both arrive while React starts. Nothing happens here on any other page.
import { askForStatsEarly } from '../../api/hub-http'

if (window.location.pathname.replace(/\/+$/, '') === '/dashboard') {
  askForStatsEarly()
  void import('./DashboardPage')
}
