/**
 * The words of the sandbox's hosted pages (terms, verification, face check)
 * in the widget's three languages. The widget adds `lang=<locale>` to a
 * hosted link; without it the browser's Accept-Language decides.
 */
import type { HostedToken } from './store.ts';

type Kind = HostedToken['kind'];
interface KindWords { title: string; explain: string; button: string; done: string }

export interface HostedWords {
  badge: string;
  titleSuffix: string;
  confirmNote: string;
  closeNote: string;
  notAllowed: { title: string; body: string };
  invalid: { title: string; body: string };
  used: { title: string; body: string };
  expired: { title: string; body: string };
  kinds: Record<Kind, KindWords>;
}

const en: HostedWords = {
  badge: 'SpherePay sandbox — not a real verification',
  titleSuffix: 'SpherePay sandbox',
  confirmNote: 'Here, confirming completes this step at once.',
  closeNote: 'Done — you can close this window.',
  notAllowed: { title: 'Not allowed', body: 'Open the link in a browser.' },
  invalid: { title: 'This link is not valid', body: 'Check that you opened the whole link, or ask for a new one.' },
  used: { title: 'This link was already used', body: 'Nothing more to do here — you can close this window.' },
  expired: { title: 'This link has expired', body: 'Links last about an hour. Go back and ask for a new one.' },
  kinds: {
    tos: {
      title: 'Accept the terms of service',
      explain: 'In production this is SpherePay’s terms of service (and, for businesses, the master service agreement).',
      button: 'I accept the terms',
      done: 'Terms accepted.',
    },
    kyc: {
      title: 'Verify your identity',
      explain: 'In production this is the hosted verification flow: identity documents and a liveness check.',
      button: 'Submit my verification',
      done: 'Verification submitted.',
    },
    face: {
      title: 'Face liveness check',
      explain: 'In production this is a camera-based liveness check.',
      button: 'Complete the liveness check',
      done: 'Liveness check complete.',
    },
  },
};

const es: HostedWords = {
  badge: 'Entorno de pruebas de SpherePay: no es una verificación real',
  titleSuffix: 'Pruebas de SpherePay',
  confirmNote: 'Aquí, al confirmar se completa este paso al instante.',
  closeNote: 'Listo: ya puedes cerrar esta ventana.',
  notAllowed: { title: 'No permitido', body: 'Abre el enlace en un navegador.' },
  invalid: { title: 'Este enlace no es válido', body: 'Comprueba que abriste el enlace completo o pide uno nuevo.' },
  used: { title: 'Este enlace ya se usó', body: 'No hay nada más que hacer aquí: puedes cerrar esta ventana.' },
  expired: { title: 'Este enlace ha caducado', body: 'Los enlaces duran alrededor de una hora. Vuelve y pide uno nuevo.' },
  kinds: {
    tos: {
      title: 'Acepta las condiciones del servicio',
      explain: 'En producción, aquí están las condiciones del servicio de SpherePay (y, para empresas, el contrato marco de servicios).',
      button: 'Acepto las condiciones',
      done: 'Condiciones aceptadas.',
    },
    kyc: {
      title: 'Verifica tu identidad',
      explain: 'En producción, aquí está el proceso de verificación alojado: documentos de identidad y una prueba de vida.',
      button: 'Enviar mi verificación',
      done: 'Verificación enviada.',
    },
    face: {
      title: 'Verificación facial',
      explain: 'En producción, aquí se hace una prueba de vida con la cámara.',
      button: 'Completar la verificación facial',
      done: 'Verificación facial completada.',
    },
  },
};

const ptBR: HostedWords = {
  badge: 'Ambiente de testes da SpherePay: não é uma verificação real',
  titleSuffix: 'Testes da SpherePay',
  confirmNote: 'Aqui, ao confirmar, esta etapa é concluída na hora.',
  closeNote: 'Pronto: você já pode fechar esta janela.',
  notAllowed: { title: 'Não permitido', body: 'Abra o link em um navegador.' },
  invalid: { title: 'Este link não é válido', body: 'Confira se você abriu o link inteiro ou peça um novo.' },
  used: { title: 'Este link já foi usado', body: 'Não há mais nada a fazer aqui: você pode fechar esta janela.' },
  expired: { title: 'Este link expirou', body: 'Os links duram cerca de uma hora. Volte e peça um novo.' },
  kinds: {
    tos: {
      title: 'Aceite os termos de serviço',
      explain: 'Em produção, aqui ficam os termos de serviço da SpherePay (e, para empresas, o contrato mestre de serviços).',
      button: 'Aceito os termos',
      done: 'Termos aceitos.',
    },
    kyc: {
      title: 'Verifique sua identidade',
      explain: 'Em produção, aqui fica o fluxo de verificação hospedado: documentos de identidade e prova de vida.',
      button: 'Enviar minha verificação',
      done: 'Verificação enviada.',
    },
    face: {
      title: 'Verificação facial',
      explain: 'Em produção, aqui é feita uma prova de vida com a câmera.',
      button: 'Concluir a verificação facial',
      done: 'Verificação facial concluída.',
    },
  },
};

export const HOSTED_LANGUAGES = { en, es, 'pt-BR': ptBR } as const;
export type HostedLanguage = keyof typeof HOSTED_LANGUAGES;

const pick = (tag: string): HostedLanguage | undefined => {
  const lower = tag.trim().toLowerCase();
  if (lower.startsWith('pt')) return 'pt-BR';
  if (lower.startsWith('es')) return 'es';
  if (lower.startsWith('en')) return 'en';
  return undefined;
};

/** `lang` from the link if it names one we speak, else the first Accept-Language entry we speak, else English. */
export function hostedLanguage(lang: unknown, acceptLanguage: string | undefined): HostedLanguage {
  if (typeof lang === 'string' && lang) {
    const chosen = pick(lang);
    if (chosen) return chosen;
  }
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.split(';q=');
      return { tag, q: q === undefined ? 1 : Number(q) || 0 };
    })
    .filter((e) => e.tag && e.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const chosen = pick(tag);
    if (chosen) return chosen;
  }
  return 'en';
}
