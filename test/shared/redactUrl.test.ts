import { redactUrl, UNPARSEABLE_URL } from '../../src/shared/redactUrl';

describe('redactUrl', () => {
  it('drops the password and keeps the user, hosts, path and query', () => {
    expect(redactUrl('postgres://someone:secret@127.0.0.1:5432/par?sslmode=require')).toBe('postgres://someone@127.0.0.1:5432/par?sslmode=require');
    expect(redactUrl('kurrentdb://admin:changeit@127.0.0.1:2113?tls=false')).toBe('kurrentdb://admin@127.0.0.1:2113?tls=false');
    expect(redactUrl('mongodb://127.0.0.1:27017/')).toBe('mongodb://127.0.0.1:27017/');
  });

  it('handles URLs with several hosts, which new URL() refuses', () => {
    expect(redactUrl('mongodb://reader:s3cret@a.example:27017,b.example:27017/par?replicaSet=rs0')).toBe(
      'mongodb://reader@a.example:27017,b.example:27017/par?replicaSet=rs0',
    );
  });

  it('drops a password containing @, :, /, ? or # whole, escaped or not', () => {
    expect(redactUrl('postgres://u:p@ss:w/rd?x#y@db.example/par')).toBe('postgres://u@db.example/par');
    expect(redactUrl('postgres://u:p%40ss@db.example/par')).toBe('postgres://u@db.example/par');
  });

  it('shows no user name when the last @ is not in the authority', () => {
    expect(redactUrl('mongodb://db.example/par?appName=ops@province')).toBe('mongodb://province');
  });

  it('hides credentials passed as query parameters', () => {
    expect(redactUrl('postgres://db.example/par?user=u&password=hunter2&sslmode=require')).toBe(
      'postgres://db.example/par?user=u&password=***&sslmode=require',
    );
    expect(redactUrl('esdb://h:2113?tlsVerifyCert=false&Token=abc')).toBe('esdb://h:2113?tlsVerifyCert=false&Token=***');
  });

  it('leaves out a fragment and refuses to echo anything that is not scheme://…', () => {
    expect(redactUrl('postgres://db.example/par#secret')).toBe('postgres://db.example/par');
    expect(redactUrl('host=db.example password=hunter2')).toBe(UNPARSEABLE_URL);
    expect(redactUrl('')).toBe(UNPARSEABLE_URL);
  });
});
