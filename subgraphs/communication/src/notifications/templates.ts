import type { NotificationTopic } from "./topics.js";

/**
 * One text, or alternatives in order of preference: the first whose `{parameters}` are all given
 * is used, so a notification without a distance (or a vendor's name) still reads naturally.
 */
export type TemplateText = string | readonly string[];

/** A topic's wording in one language, for each channel. */
export interface TopicTemplates {
  push: { title: TemplateText; body: TemplateText };
  email: { subject: TemplateText; body: TemplateText };
  sms: { body: TemplateText };
}

export const TEMPLATE_LOCALES = ["en", "es"] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];
export const FALLBACK_LOCALE: TemplateLocale = "en";

const EN_SETTINGS =
  "You can change which notifications you get in the Venta app, under Settings > Notifications.";
const ES_SETTINGS =
  "Puedes elegir qué notificaciones recibes en la app de Venta, en Ajustes > Notificaciones.";

/**
 * Every topic's wording, per language. Parameters: VENDOR_NEARBY {vendorName} {distance};
 * CHAT_MESSAGE {senderName} {preview}; SUPPORT_UPDATE {ticketSubject} with one of {update} (free
 * text), {answeredTicket} or {closedTicket} (the request's subject, when support answered or
 * closed it); PROMOTION and ACCOUNT {headline} {details}.
 */
export const TEMPLATES: Record<NotificationTopic, Record<TemplateLocale, TopicTemplates>> = {
  VENDOR_NEARBY: {
    en: {
      push: {
        title: ["{vendorName} is nearby", "A favorite vendor is nearby"],
        body: [
          "{vendorName} is {distance} away",
          "{vendorName} is in your area",
          "A vendor you follow is in your area",
        ],
      },
      email: {
        subject: ["{vendorName} is nearby", "A favorite vendor is nearby"],
        body: [
          `{vendorName} is {distance} away. Open Venta to see where they are and what they are serving.\n\n${EN_SETTINGS}`,
          `{vendorName} is in your area. Open Venta to see where they are and what they are serving.\n\n${EN_SETTINGS}`,
          `A vendor you follow is in your area. Open Venta to see who it is.\n\n${EN_SETTINGS}`,
        ],
      },
      sms: {
        body: [
          "Venta: {vendorName} is {distance} away.",
          "Venta: {vendorName} is in your area.",
          "Venta: a vendor you follow is in your area.",
        ],
      },
    },
    es: {
      push: {
        title: ["{vendorName} está cerca", "Un vendedor favorito está cerca"],
        body: [
          "{vendorName} está a {distance}",
          "{vendorName} está en tu zona",
          "Un vendedor que sigues está en tu zona",
        ],
      },
      email: {
        subject: ["{vendorName} está cerca", "Un vendedor favorito está cerca"],
        body: [
          `{vendorName} está a {distance}. Abre Venta para ver dónde está y qué ofrece hoy.\n\n${ES_SETTINGS}`,
          `{vendorName} está en tu zona. Abre Venta para ver dónde está y qué ofrece hoy.\n\n${ES_SETTINGS}`,
          `Un vendedor que sigues está en tu zona. Abre Venta para ver quién es.\n\n${ES_SETTINGS}`,
        ],
      },
      sms: {
        body: [
          "Venta: {vendorName} está a {distance}.",
          "Venta: {vendorName} está en tu zona.",
          "Venta: un vendedor que sigues está en tu zona.",
        ],
      },
    },
  },
  CHAT_MESSAGE: {
    en: {
      push: { title: ["New message from {senderName}", "New message"], body: "{preview}" },
      email: {
        subject: ["New message from {senderName}", "You have a new message"],
        body: [
          `{senderName} wrote:\n\n{preview}\n\nReply in the Venta app.\n\n${EN_SETTINGS}`,
          `You have a new message:\n\n{preview}\n\nReply in the Venta app.\n\n${EN_SETTINGS}`,
        ],
      },
      sms: { body: ["Venta: new message from {senderName}: {preview}", "Venta: new message: {preview}"] },
    },
    es: {
      push: { title: ["Nuevo mensaje de {senderName}", "Nuevo mensaje"], body: "{preview}" },
      email: {
        subject: ["Nuevo mensaje de {senderName}", "Tienes un mensaje nuevo"],
        body: [
          `{senderName} escribió:\n\n{preview}\n\nResponde en la app de Venta.\n\n${ES_SETTINGS}`,
          `Tienes un mensaje nuevo:\n\n{preview}\n\nResponde en la app de Venta.\n\n${ES_SETTINGS}`,
        ],
      },
      sms: { body: ["Venta: nuevo mensaje de {senderName}: {preview}", "Venta: nuevo mensaje: {preview}"] },
    },
  },
  SUPPORT_UPDATE: {
    en: {
      push: {
        title: ['Update on "{ticketSubject}"', "Update on your support request"],
        body: [
          "{update}",
          'Support answered "{answeredTicket}". Open Venta to read the answer.',
          'Support closed "{closedTicket}". If you still need help, open a new request.',
        ],
      },
      email: {
        subject: [
          'Update on your support request "{ticketSubject}"',
          'Support answered "{answeredTicket}"',
          'Your support request "{closedTicket}" was closed',
          "Update on your support request",
        ],
        body: [
          `{update}\n\nSee the whole conversation in the Venta app, under Help.\n\n${EN_SETTINGS}`,
          `Support answered your request "{answeredTicket}". Read the answer and reply in the Venta app, under Help.\n\n${EN_SETTINGS}`,
          `Support closed your request "{closedTicket}". If you still need help, open a new request in the Venta app, under Help.\n\n${EN_SETTINGS}`,
        ],
      },
      sms: {
        body: [
          "Venta support: {update}",
          'Venta support answered "{answeredTicket}". Open the app to read it.',
          'Venta support closed your request "{closedTicket}".',
        ],
      },
    },
    es: {
      push: {
        title: ['Novedades sobre "{ticketSubject}"', "Novedades sobre tu solicitud"],
        body: [
          "{update}",
          'Soporte respondió a "{answeredTicket}". Abre Venta para leer la respuesta.',
          'Soporte cerró "{closedTicket}". Si aún necesitas ayuda, abre una nueva solicitud.',
        ],
      },
      email: {
        subject: [
          'Novedades sobre tu solicitud "{ticketSubject}"',
          'Soporte respondió a "{answeredTicket}"',
          'Tu solicitud "{closedTicket}" se cerró',
          "Novedades sobre tu solicitud de ayuda",
        ],
        body: [
          `{update}\n\nConsulta toda la conversación en la app de Venta, en Ayuda.\n\n${ES_SETTINGS}`,
          `Soporte respondió a tu solicitud "{answeredTicket}". Lee la respuesta y contesta en la app de Venta, en Ayuda.\n\n${ES_SETTINGS}`,
          `Soporte cerró tu solicitud "{closedTicket}". Si aún necesitas ayuda, abre una nueva solicitud en la app de Venta, en Ayuda.\n\n${ES_SETTINGS}`,
        ],
      },
      sms: {
        body: [
          "Soporte de Venta: {update}",
          'Soporte de Venta respondió a "{answeredTicket}". Abre la app para leerla.',
          'Soporte de Venta cerró tu solicitud "{closedTicket}".',
        ],
      },
    },
  },
  PROMOTION: {
    en: {
      push: { title: "{headline}", body: "{details}" },
      email: { subject: "{headline}", body: `{details}\n\n${EN_SETTINGS}` },
      sms: { body: "Venta: {headline}. {details} Reply STOP to opt out." },
    },
    es: {
      push: { title: "{headline}", body: "{details}" },
      email: { subject: "{headline}", body: `{details}\n\n${ES_SETTINGS}` },
      sms: { body: "Venta: {headline}. {details} Responde STOP para no recibir más." },
    },
  },
  ACCOUNT: {
    en: {
      push: { title: "{headline}", body: "{details}" },
      email: {
        subject: "Your Venta account: {headline}",
        body: "{details}\n\nIf this was not you, contact Venta support from the app right away.",
      },
      sms: { body: "Venta: {headline}. {details}" },
    },
    es: {
      push: { title: "{headline}", body: "{details}" },
      email: {
        subject: "Tu cuenta de Venta: {headline}",
        body: "{details}\n\nSi no fuiste tú, contacta con el soporte de Venta desde la app cuanto antes.",
      },
      sms: { body: "Venta: {headline}. {details}" },
    },
  },
};
