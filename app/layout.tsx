import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { getLocale, getMessages } from "@/lib/i18n/server";
import "./globals.css";

// Inter (latin, variable weight), self-hosted: next/font preloads the file from the page's head, so the first
// layout already has it (an @font-face found only in the stylesheet arrived after that layout, and swapping
// it in laid the whole page out a second time), and sizes the fallback to Inter's metrics.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter",
});

export async function generateMetadata(): Promise<Metadata> {
  const m = getMessages(await getLocale());
  return { title: { default: m.meta.appName, template: `%s · ${m.meta.appName}` }, description: m.meta.tagline };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#4f46e5" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} className={inter.variable}>
      <body>
        <Providers locale={locale} messages={getMessages(locale)}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
