/**
 * What customers write into quotes and subjects, in the languages reps meet, with what must not leave Kept. Each
 * secret must be gone from the masked text, also as its bare digits.
 */
export const IDENTIFYING: ReadonlyArray<[string, string[]]> = [
  // Email addresses, as typed and as people disguise them
  ['Write to me at zoe.angstrom@fabrikam.com please', ['zoe.angstrom@fabrikam.com']],
  ['Mail jörg@müller.de or j+kept@sub.example.co.uk', ['jörg@müller.de', 'j+kept@sub.example.co.uk']],
  ['My address is zoe @ fabrikam.com, thanks!', ['zoe @ fabrikam.com']],
  ['reach me: zoe at fabrikam dot com', ['zoe at fabrikam dot com']],
  ['Contact: hannah.schmidt [at] globex [dot] de', ['hannah.schmidt [at] globex [dot] de']],
  ['Email jose(at)ejemplo(dot)es for the invoice', ['jose(at)ejemplo(dot)es']],
  ['escríbeme a maria arroba gmail punto com', ['maria arroba gmail punto com']],
  ['me manda um e-mail: joao arroba empresa ponto com ponto br', ['joao arroba empresa ponto com ponto br']],
  ['返信は taro＠example.jp までお願いします', ['taro＠example.jp']],
  ['Subject: Refund for order 5512 (billing@acme-home.example)', ['billing@acme-home.example']],
  ['Bitte an m.mueller@firma.de senden', ['m.mueller@firma.de']],
  ['Merci de répondre à claire.dubois@orange.fr', ['claire.dubois@orange.fr']],
  // Phone numbers, international and national
  ['Call +44 20 7946 0958 tomorrow', ['7946 0958', '442079460958']],
  ['Call (415) 555-2671.', ['555-2671', '4155552671']],
  ['Call me on 415.555.2671 after lunch', ['4155552671']],
  ['My number: +1 415 555 2671', ['4155552671']],
  ['call 415–555–2671 (that is my cell)', ['4155552671']],
  ['Ruf mich bitte an: 030 12345678', ['03012345678']],
  ['Tel. +49 (0)30 1234567, ab 9 Uhr', ['301234567']],
  ['Mobil 0151 23456789', ['015123456789']],
  ['Appelez-moi au 06 12 34 56 78', ['0612345678']],
  ['Mon numéro : +33 6 12 34 56 78', ['612345678']],
  ['電話番号は090-1234-5678です', ['09012345678']],
  ['お電話は ０９０－１２３４－５６７８ まで', ['０９０－１２３４－５６７８']],
  ['携帯: +81 90 1234 5678', ['9012345678']],
  ['Me liga no (11) 98765-4321', ['11987654321']],
  ['WhatsApp +55 11 98765-4321', ['11987654321']],
  ['Llámame al 612 345 678, por favor', ['612345678']],
  ['Mi teléfono es +34 612 345 678', ['612345678']],
  ['Chiamami al 347 123 4567', ['3471234567']],
  ['Il mio numero: +39 347 123 4567', ['3471234567']],
  ['Bel me op 06-12345678', ['0612345678']],
  ['Call our office on 020 7946 0958', ['02079460958']],
  ['Reach me at +61 412 345 678 any time', ['412345678']],
  ['Ring 0412 345 678 if the parcel is late', ['0412345678']],
  // Card numbers (test numbers that pass the Luhn check) and bank accounts
  ['My card 4111 1111 1111 1111 was charged twice', ['4111111111111111']],
  ['charged on 5555-5555-5555-4444 yesterday', ['5555555555554444']],
  ['Amex 3782 822463 10005 declined', ['378282246310005']],
  ['Karte 4012888888881881 wurde belastet', ['4012888888881881']],
  ['カード番号 ４１１１ １１１１ １１１１ １１１１ で支払いました', ['４１１１ １１１１ １１１１ １１１１']],
  ['IBAN DE89 3704 0044 0532 0130 00 ist meins', ['DE89 3704 0044 0532 0130 00', '370400440532013000']],
  ['IBAN DE89370400440532013000 is mine', ['DE89370400440532013000']],
  ['Please refund to GB82 WEST 1234 5698 7654 32', ['GB82 WEST 1234 5698 7654 32', '12345698765432']],
  ['Remboursez sur FR14 2004 1010 0505 0001 3M02 606 svp', ['FR14 2004 1010 0505 0001 3M02 606']],
  ['Mi cuenta: ES91 2100 0418 4502 0005 1332', ['ES91 2100 0418 4502 0005 1332', '21000418450200051332']],
  ['Rekening NL91ABNA0417164300 graag', ['NL91ABNA0417164300']],
  ['Account 12345678 is locked', ['12345678']],
  ['Customer number 004518832 since 2019', ['004518832']],
  // A subject with several at once
  [
    'Refund to 4111-1111-1111-1111, call +44 20 7946 0958 or zoe@fabrikam.com',
    ['4111111111111111', '442079460958', 'zoe@fabrikam.com'],
  ],
];

/** Text that identifies nobody and must stay as the customer wrote it. */
export const READABLE: readonly string[] = [
  'Thank you so much, Sam sorted it in 3 days!',
  'Order #59084 finally arrived on 12.10.',
  'You were right about version 2.4.1',
  'Zoë Ångström is very happy',
  'The parcel came on 12.10.2024, two weeks late.',
  'Ordered 2024-03-12, still nothing.',
  'I wrote on 03/12/2024 and again on 03/19/2024.',
  'Livré le 12/10/2024 à 10h30, merci !',
  'Am 03.04.2025 um 14:30 angerufen, niemand ging ran.',
  '2025年3月12日に注文しました。',
  'Open between 9:00 and 17:30, Monday to Friday',
  'Sent 2024-03-12 10:30, answered 2024-03-14 16:05',
  'Ticket 4521 and ticket 4522 are the same problem',
  'It costs €1,299.00 and arrived broken',
  'Obrigado pela ajuda, resolvido em 2 dias!',
  'Gracias, Lucía lo resolvió en 10 minutos.',
  'Look at this point in time, it works.',
  'I was at home at that point in the day.',
  'Merci beaucoup à Julie, au top !',
  'Danke an Jonas, der war brillant.',
  'Room 1204 on floor 12',
];

/** The identifying parts still readable in `masked`: verbatim, or as the same digits with the separators gone. */
export function leaks(masked: string, secrets: string[]): string[] {
  const digitsOf = (s: string) => s.normalize('NFKC').replace(/\D/g, '');
  return secrets.filter((secret) => {
    const digits = digitsOf(secret);
    return masked.includes(secret) || (digits.length >= 6 && digitsOf(masked).includes(digits));
  });
}
