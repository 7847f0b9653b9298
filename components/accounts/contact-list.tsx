import { Mail, Phone } from "lucide-react";
import type { ContactOutput } from "@/lib/validations/account";

export function ContactList({ contacts, emptyText }: { contacts: ContactOutput[]; emptyText: string }) {
  if (contacts.length === 0) return <p className="text-sm text-muted-foreground">{emptyText}</p>;
  return (
    <ul className="divide-y divide-border">
      {contacts.map((contact) => (
        <li key={contact.id} className="py-3 first:pt-0 last:pb-0">
          <p className="text-sm font-medium text-foreground">{contact.name}</p>
          {contact.title ? <p className="text-xs text-muted-foreground">{contact.title}</p> : null}
          {contact.email || contact.phone ? (
            <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-xs">
              {contact.email ? (
                <a href={`mailto:${contact.email}`} className="inline-flex items-center gap-1 text-primary hover:underline">
                  <Mail className="size-3.5" aria-hidden="true" />
                  {contact.email}
                </a>
              ) : null}
              {contact.phone ? (
                <a href={`tel:${contact.phone}`} className="inline-flex items-center gap-1 text-muted-foreground hover:text-foreground">
                  <Phone className="size-3.5" aria-hidden="true" />
                  {contact.phone}
                </a>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
